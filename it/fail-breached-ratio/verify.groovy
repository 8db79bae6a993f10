def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.contains("SIMULATION: scenario 'failing'") : 'simulation banner missing'
assert log.contains('campaign 7: queues 3/3 completed, 200/200 calls, 100% (picked 110, not_picked 30, failed 60)') : 'final progress line missing'
assert log =~ /(?m)^\[INFO\]   failed\s+30%\s+<= 5%\s+breached$/ : 'FAIL row of maxFailureRatio missing'
assert lines.contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls') : 'summary line missing'
assert log.contains('on project standalone-pom: Campaign 7 failed the OSVI gate:') : 'failure message missing'
assert log.count('1 of 1 rule breached on 200 calls') == 1 : 'the summary is said once, in the verdict line'
assert lines.contains('[ERROR]   - failed ratio is 30%, but the maximum is 5%') : 'breach message missing'
assert log.contains('BUILD FAILURE')
assert log =~ /(?m)^\[INFO\]   failed ratio\s+\S+ [ \u2581-\u2588_.:=+*#-]+ 30%  limit <= 5% at \S$/ : 'failed ratio sparkline missing'
assert log =~ /(?m)^\[INFO\]   calls\s+\d+ [\u2581-\u2588_.:=+*#-]+ 200$/ : 'calls sparkline missing'
def chart = ai.osvi.it.ChartFile.read(new File(basedir, 'target/osvi/campaign-7.svg'))
assert chart.title() == 'OSVI campaign 7 \u201cSimulated renewals (failing)\u201d: FAIL, 1 of 1 rule breached on 200 calls'
assert chart.texts().contains('Campaign 7 \u201cSimulated renewals (failing)\u201d \u2014 FAIL')
assert chart.texts().contains('Rule failed <= 5%') : 'the rule has its panel'
assert chart.texts().contains('30% (limit 5%)') : 'the last value is written with its limit'
assert chart.limitLines() == 1
// the verdict line stays the block's last line, after the Reports line
def verdictAt = lines.indexOf('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls')
assert lines[verdictAt - 1].startsWith('[INFO] Reports: ') : 'the Reports line must come just before the verdict'
