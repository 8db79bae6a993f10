def log = new File(basedir, 'build.log').text
assert log.contains('OSVI gate: FAIL campaign 8: 1 of 1 rule breached on 100 calls') : 'the advisory module must FAIL'
assert log.contains('OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'the release module must PASS'
// the release module's gate runs in a class realm of its own, and still reads the build's results
def verdictLines = log.readLines().findAll { it.contains('OSVI gate: ') }
assert verdictLines.last().contains('OSVI gate: FAIL 2 gates: advisory-strict FAIL, release-blocking PASS') : "last line: ${verdictLines.last()}"
def outputs = ai.osvi.it.GithubOutputFile.read(new File(basedir, 'github-output.txt').toPath())
assert outputs['verdict'] == 'FAIL' && outputs['build-outcome'] == 'WARN' : "outputs: ${outputs}"
assert outputs['gate-advisory-strict-verdict'] == 'FAIL' && outputs['gate-release-blocking-verdict'] == 'PASS' : "outputs: ${outputs}"
for (module in ['advisory', 'release']) {
    def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, "${module}/target/osvi/osvi.env").toPath())
    assert dotenv['OSVI_VERDICT'] == 'FAIL' && dotenv['OSVI_BUILD_OUTCOME'] == 'WARN' : "${module} osvi.env: ${dotenv}"
    assert dotenv['OSVI_CAMPAIGN_ID'] == '8,7' : "${module} osvi.env: ${dotenv}"
}
assert log.contains('BUILD SUCCESS')
