import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// the second build's log remains: the replay of the first build's report
assert log.contains("SIMULATION: scenario 'replay of campaign-7.json' (the wait recorded in ") : 'replay banner missing'
assert log.contains('verdict PASS, ') : 'the replayed report was a PASS'
assert lines.contains('[INFO] Baseline campaign 41: completed, 1000 calls; failed 5.1%; limits: failed <= baseline 5.1% + 1% = 6.1%')
assert lines.contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 500 calls')
assert lines.contains('[ERROR]   - failed ratio is 7.2%, but the maximum is baseline 5.1% + 1% = 6.1%')
def report = new JsonSlurper().parse(new File(basedir, 'target/osvi/campaign-7.json'))
assert report.verdict == 'FAIL'
assert report.simulation == 'replay of campaign-7.json'
assert report.baseline.campaignId == 41
assert report.timeline[-1].callsTotal == 500
