def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OSVI gate: ERROR: no rule configured') : 'the headline must say no rule is configured'
assert log.contains('No rule is configured, so the gate would judge nothing: set maxFailureRatio (-Dosvi.maxFailureRatio=5%)'
        + ' or thresholds (-Dosvi.thresholds="failed<=5%"), or set completionOnly (-Dosvi.completionOnly=true)') : 'no-rule message missing'
assert log.contains("This pom configures rules in <execution> 'campaign-gate', which 'mvn osvi:await-campaign' does not use:"
        + " run 'mvn osvi:await-campaign@campaign-gate', or move that configuration to the plugin level.") : 'execution hint missing'
assert simulator.requests().isEmpty() : "no request may be sent without a rule, but got ${simulator.requests()}"
assert !log.contains('OSVI gate: PASS') : 'a gate without rules must never pass'
assert log.contains('BUILD FAILURE')
