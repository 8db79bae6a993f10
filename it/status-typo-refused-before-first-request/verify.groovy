def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.contains("Invalid thresholds (osvi.thresholds) 'faild <= 5%': the status 'faild' is a small edit away from"
        + " 'failed', a status the API documents: did you mean failed?") : 'suggestion at start missing'
assert !log.contains("'voicemail' is a small edit away") : 'a far status is not a typo'
assert simulator.requests().isEmpty() : "no request may be sent for a misspelt status, but got ${simulator.requests()}"
assert !log.contains('Awaiting OSVI campaign') : 'the gate must not start its wait'
assert !log.contains('OSVI gate: PASS') : 'a misspelt status must never pass'
assert log.contains('BUILD FAILURE')
def summary = new File(basedir, 'target/step-summary.md').text
assert summary.contains("the status 'faild' is a small edit away from 'failed'") : "step summary: ${summary}"
assert new File(basedir, 'target/osvi/TEST-osvi-campaign-not-started.xml').isFile() : 'JUnit report missing'
