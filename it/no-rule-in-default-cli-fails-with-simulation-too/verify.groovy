def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OSVI gate: ERROR: no rule configured') : 'the headline must say no rule is configured'
assert log.contains("This pom configures rules in <execution> 'campaign-gate', which 'mvn osvi:await-campaign' does not use:"
        + " run 'mvn osvi:await-campaign@campaign-gate', or move that configuration to the plugin level.") : 'execution hint missing'
assert !log.contains('SIMULATION: scenario') : 'the simulator must not start'
assert !log.contains("the scenario's suggested rules apply") : 'suggested rules must not stand in for the pom'
assert log.contains('BUILD FAILURE')
