def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert simulator.requests().size() == 1 : "one request expected, got ${simulator.requests()}"
assert log.count('Awaiting OSVI campaign 7') == 1 : 'the goal must run once for the reactor'
assert log.count('OSVI gate: PASS campaign 7') == 1 : 'one verdict line expected'
def raw = new File(basedir, 'github-output.txt').text
assert raw.readLines().count { it.startsWith('verdict<<') } == 1 : "one verdict output expected:\n${raw}"
assert ai.osvi.it.GithubOutputFile.read(new File(basedir, 'github-output.txt').toPath())['verdict'] == 'PASS'
// the end of the log names the folder of the reports: the top-level project's, once
assert log.contains("Reports: ${new File(basedir, 'target/osvi').absolutePath} (campaign-7.json, TEST-osvi-campaign-7.xml, campaign-7.svg, osvi.env)") : 'reports folder missing'
assert !new File(basedir, 'api/target/osvi').exists() && !new File(basedir, 'app/target/osvi').exists()
assert log.contains('BUILD SUCCESS')
