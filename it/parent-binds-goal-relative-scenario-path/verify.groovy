def log = new File(basedir, 'build.log').text
assert !log.contains('no file') : 'the relative scenario path must resolve against the top-level project'
assert log.count('OSVI gate: PASS campaign 7') == 3 : 'the parent and both modules gate'
['', 'api/', 'app/'].each { module ->
    def reports = new File(basedir, module + 'target/osvi')
    assert new File(reports, 'campaign-7.json').isFile() : "no report in ${module}target/osvi"
    assert log.contains("Reports: ${reports.absolutePath} (campaign-7.json") : "the log must name ${reports}"
    def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(reports, 'osvi.env').toPath())
    assert dotenv['OSVI_VERDICT'] == 'PASS'
}
def outputs = ai.osvi.it.GithubOutputFile.read(new File(basedir, 'github-output.txt').toPath())
assert outputs['verdict'] == 'PASS' && outputs['build-outcome'] == 'SUCCESS'
assert outputs['gate-parent-gate-release-gate-verdict'] == 'PASS' : "outputs: ${outputs.keySet()}"
assert outputs['gate-api-release-gate-verdict'] == 'PASS' && outputs['gate-app-release-gate-verdict'] == 'PASS'
// the last gate rewrote every gate's osvi.env: each knows all three, whichever module finished last
['', 'api/', 'app/'].each { module ->
    def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, module + 'target/osvi/osvi.env').toPath())
    assert ['PARENT_GATE_RELEASE_GATE', 'API_RELEASE_GATE', 'APP_RELEASE_GATE'].every { dotenv["OSVI_GATE_${it}_VERDICT"] == 'PASS' } : "${module}osvi.env: ${dotenv}"
}
assert log.readLines().any { it.contains('OSVI gate: PASS 3 gates: ') } : 'the build line of the last gate missing'
assert log.contains('BUILD SUCCESS')
