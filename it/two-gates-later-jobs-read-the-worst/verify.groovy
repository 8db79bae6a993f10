def log = new File(basedir, 'build.log').text
assert log.contains('OSVI gate: FAIL campaign 8: 1 of 1 rule breached on 100 calls') : 'the strict gate must FAIL'
assert log.contains('OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'the blocking gate must PASS'
// the last verdict line of the log is the build's
def verdictLines = log.readLines().findAll { it.contains('OSVI gate: ') }
assert verdictLines.last().contains('OSVI gate: FAIL 2 gates: strict FAIL, blocking PASS') : "last line: ${verdictLines.last()}"
def outputs = ai.osvi.it.GithubOutputFile.read(new File(basedir, 'github-output.txt').toPath())
assert outputs['verdict'] == 'FAIL' && outputs['build-outcome'] == 'WARN' : "outputs: ${outputs}"
assert outputs['gate-strict-verdict'] == 'FAIL' && outputs['gate-blocking-verdict'] == 'PASS'
assert outputs['8-verdict'] == 'FAIL' && outputs['7-verdict'] == 'PASS'
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'FAIL' && dotenv['OSVI_BUILD_OUTCOME'] == 'WARN' : "osvi.env: ${dotenv}"
assert dotenv['OSVI_GATE_STRICT_VERDICT'] == 'FAIL' && dotenv['OSVI_GATE_BLOCKING_VERDICT'] == 'PASS'
assert dotenv['OSVI_8_VERDICT'] == 'FAIL' && dotenv['OSVI_7_VERDICT'] == 'PASS'
def later = new Properties()
new File(basedir, 'target/later-step/results.properties').withInputStream { later.load(it) }
assert later['verdict'] == 'FAIL' && later['strict'] == 'FAIL' && later['blocking'] == 'PASS' && later['campaign8'] == 'FAIL' : "${later}"
assert new File(basedir, 'target/osvi/campaign-8.json').isFile() && new File(basedir, 'target/osvi/campaign-7.json').isFile()
assert log.contains('BUILD SUCCESS')
