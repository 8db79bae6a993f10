def log = new File(basedir, 'build.log').text
assert log.contains('OSVI gate: RUNNING campaign 7: still running') : 'RUNNING line missing'
assert log.contains('Campaign 7 is still running (onRunning=fail):') : 'failure message missing'
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'RUNNING' && dotenv['OSVI_BUILD_OUTCOME'] == 'FAIL' : "${dotenv}"
def junit = new File(basedir, 'target/osvi/TEST-osvi-campaign-7.xml').text
assert junit.contains('failures="1"') : 'onRunning=fail makes the completion case a failure'
assert log.contains('BUILD FAILURE')
