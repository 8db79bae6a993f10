import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// both builds write build.log in turn: the second's is what remains, the first's report is what it replayed
assert log.contains("SIMULATION: scenario 'replay of campaign-7.json' (the wait recorded in ") : 'replay banner missing'
assert log.contains('verdict PASS, ')
assert log.readLines().contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls') : 'the stricter rule must fail'
assert log.contains('failed ratio is 4.5%, but the maximum is 2%')
def report = new JsonSlurper().parse(new File(basedir, 'target/osvi/campaign-7.json'))
assert report.verdict == 'FAIL'
assert report.reportFormat == 2
assert report.simulation == 'replay of campaign-7.json'
assert report.timeline.size() >= 5 : "the recorded course served again: ${report.timeline.size()} points"
assert report.timeline[-1].callsTotal == 200
assert report.timeline*.callsTotal == report.timeline*.callsTotal.sort(false) : 'calls never go back'
assert report.wait.elapsedSeconds < 30 : "a replay takes a poll per snapshot: ${report.wait.elapsedSeconds} s"
