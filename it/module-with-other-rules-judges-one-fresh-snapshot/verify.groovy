def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert simulator.requests().size() == 2 : "one wait and one fresh snapshot, got ${simulator.requests().size()} requests"
assert log.count('Awaiting OSVI campaign 7') == 1 : 'one wait for the build'
assert log.count('Campaign 7 was judged by gate shop-parent-campaign-gate of this build, with the same rules: its verdict is reused, without a second wait.') == 1 : 'api reuses the verdict'
assert log.count('Campaign 7 completed while gate shop-parent-campaign-gate of this build awaited it: this gate\'s rules were judged on one fresh snapshot, without a new wait.') == 1 : 'app judges a fresh snapshot'
def pass = lines.findAll { it.contains('OSVI gate: PASS campaign 7: ') }
assert pass.size() == 2 : "parent and api pass: ${pass}"
def fail = lines.findAll { it.contains('OSVI gate: FAIL campaign 7: ') }
assert fail.size() == 1 && fail[0].endsWith('(judged on a fresh snapshot after gate shop-parent-campaign-gate of this build)') : "app's own rule fails, saying where its snapshot came from: ${fail}"
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'app/target/osvi/campaign-7.json'))
assert report.verdict == 'FAIL' : "app's report: ${report.verdict}"
assert log.contains('not_picked') && log.contains('BUILD FAILURE')
