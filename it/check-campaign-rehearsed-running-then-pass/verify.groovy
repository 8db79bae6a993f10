// the GitHub outputs file is appended by both checks: RUNNING, then PASS
def raw = new File(basedir, 'github-output.txt').text.readLines()
def verdicts = []
raw.eachWithIndex { line, i -> if (line.startsWith('verdict<<')) verdicts << raw[i + 1] }
assert verdicts == ['RUNNING', 'PASS'] : "verdicts read by later steps: ${verdicts}"
def log = new File(basedir, 'build.log').text
assert log.contains('OSVI gate: RUNNING campaign 7: still running: queues 0/1 completed, 40/100 calls') : 'first check must be RUNNING'
assert log.contains('OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'second check must PASS'
assert log.contains('The simulated campaign starts now, at ') : 'the first check starts the simulated campaign'
assert log =~ /The simulated campaign started \S+ ago, at \d\d:\d\d:\d\d UTC \(kept in target.osvi.simulated-clock\.json\)\. Delete target.osvi.simulated-clock\.json \(or run mvn clean\) to start the rehearsal again\./
def clock = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/osvi/simulated-clock.json'))
assert clock.started.size() == 1 : "one scenario started: ${clock.started}"
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'PASS' : "${dotenv}"
assert !log.contains('TIMEOUT') : 'the campaign is as old as the rehearsal'
assert !log.contains('BUILD FAILURE')
