def log = new File(basedir, 'build.log').text
assert log.contains('SIMULATION: scenario \'passing\'') : 'simulation banner missing'
assert log.contains('Nothing real is contacted') : 'banner must say nothing real is contacted'
assert log =~ /campaign 7: queues 3\/3 completed, 200\/200 calls, 100% \(picked 152, not_picked 39, failed 9\)/ : 'final progress line missing'
assert log =~ /failed\s+4\.5%\s+<= 5%\s+held/ : 'maxFailureRatio row missing'
assert log =~ /picked\s+76%\s+>= 60%\s+held/ : 'picked threshold row missing'
assert log =~ /failed\+not_picked\s+24%\s+< 35%\s+held/ : 'sum threshold row missing'
assert log.contains('OSVI gate: PASS campaign 7: 3 of 3 rules passed on 200 calls') : 'summary line missing'
assert log.contains('BUILD SUCCESS')
assert !log.contains('\u001b[') : 'no colour under -B or when the output is not a terminal'
assert new File(basedir, 'target/osvi/campaign-7.json').isFile() : 'without a pom the reports go to ./target/osvi'
assert new File(basedir, 'target/osvi/TEST-osvi-campaign-7.xml').isFile()
// the course of the wait: a sparkline in the log (block characters, or ASCII on a console that cannot show them)
assert log =~ /(?m)^\[INFO\] Course of the wait, \d+ snapshots:$/ : 'course heading missing'
assert log =~ /(?m)^\[INFO\]   failed ratio\s+\S+ [ \u2581-\u2588_.:=+*#-]+ 4\.5%  limit <= 5% at \S$/ : 'failed ratio sparkline missing'
assert log =~ /(?m)^\[INFO\]   calls\s+\d+ [\u2581-\u2588_.:=+*#-]+ 200$/ : 'calls sparkline missing'
// and a chart beside the other reports, named in the Reports line
def chart = ai.osvi.it.ChartFile.read(new File(basedir, 'target/osvi/campaign-7.svg'))
assert chart.title() == 'OSVI campaign 7 \u201cSimulated renewals (passing)\u201d: PASS, 3 of 3 rules passed on 200 calls'
assert chart.texts().contains('Campaign 7 \u201cSimulated renewals (passing)\u201d \u2014 PASS')
assert chart.limitLines() == 3 : 'one limit line per rule'
assert !chart.hasScript()
assert log =~ /Reports: .* \(campaign-7\.json, TEST-osvi-campaign-7\.xml, campaign-7\.svg, osvi\.env\)/
