def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OSVI gate: ERROR: command-line properties that would not be used as given') : 'error line missing'
assert log.contains('on project standalone-pom: -Dosvi.maxFailRatio names no parameter of osvi:await-campaign, so Maven'
        + ' would ignore it: did you mean osvi.maxFailureRatio?') : 'suggestion missing'
assert simulator.requests().isEmpty() : "no request may be sent, but got ${simulator.requests()}"
assert !log.contains('Awaiting OSVI campaign') : 'the gate must not start'
assert log.contains('BUILD FAILURE')
