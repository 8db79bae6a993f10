context.api.close()
assert context.api.requests() == 2 : "one request per check expected, got ${context.api.requests()}"
// the GitHub outputs file is appended by both checks: RUNNING, then PASS
def raw = new File(basedir, 'github-output.txt').text.readLines()
def verdicts = []
raw.eachWithIndex { line, i -> if (line.startsWith('verdict<<')) verdicts << raw[i + 1] }
assert verdicts == ['RUNNING', 'PASS'] : "verdicts read by later steps: ${verdicts}"
def summaries = []
raw.eachWithIndex { line, i -> if (line.startsWith('summary<<')) summaries << raw[i + 1] }
assert summaries[0] == 'OSVI gate: RUNNING campaign 7: still running: queues 1/2 completed, 50/100 calls' : "${summaries}"
def log = new File(basedir, 'build.log').text
assert log.contains('OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'second check must PASS'
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'PASS'
assert log.contains('BUILD SUCCESS')
