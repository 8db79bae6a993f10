def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.contains('Awaiting OSVI campaign 7 at http://127.0.0.1:') : 'start line missing'
assert log =~ /polling adaptively every 1s to 2m, timeout 6s \(gives up at \d\d:\d\d:\d\d UTC\), rules: failed <= 10%/ : 'start line must show how it polls, the timeout and when the gate gives up'
assert log =~ /Campaign 7 "IT renewals \(stalls\)": 1\/3 queues completed, \d+ polls, 0 errors, [6-8]s/ : 'campaign line missing'
assert lines.contains('[ERROR] OSVI gate: TIMEOUT campaign 7: did not complete within 6s') : 'TIMEOUT summary line missing'
assert log.contains('on project standalone-pom: Campaign 7 did not complete in time:') : 'failure message missing'
assert log.count('did not complete within 6s') == 1 : 'the summary is said once, in the verdict line'
assert lines.contains('[ERROR]   - Last snapshot: queues 1/3 completed, 40 calls (picked 30, not_picked 8, failed 2).') : 'last snapshot missing'
assert lines.contains('[ERROR]   - Raise timeout (-Dosvi.timeout), or set onTimeout=evaluate to judge the rules on the last snapshot.') : 'hint missing'
assert !(log =~ /(?m)\s(PASS|FAIL)$/) : 'no rule may be judged when onTimeout=fail'
assert log.contains('BUILD FAILURE')
// a chart of the course up to the timeout, with its verdict
def chart = ai.osvi.it.ChartFile.read(new File(basedir, 'target/osvi/campaign-7.svg'))
assert chart.title() == 'OSVI campaign 7 \u201cIT renewals (stalls)\u201d: TIMEOUT, did not complete within 6s'
assert chart.texts().contains('Campaign 7 \u201cIT renewals (stalls)\u201d \u2014 TIMEOUT')
assert chart.limitLines() == 1
assert log =~ /(?m)^\[INFO\]   calls\s+\d+ [\u2581-\u2588_.:=+*#-]+ 40$/ : 'calls sparkline missing'
