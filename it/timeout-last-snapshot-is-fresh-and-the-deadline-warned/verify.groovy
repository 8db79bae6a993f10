def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log =~ /polling adaptively every 2s to 2m, timeout 12s \(gives up at (\d\d:\d\d:\d\d) UTC\)/ : 'start line must say when the gate gives up'
def givesUp = (log =~ /gives up at (\d\d:\d\d:\d\d) UTC\)/)[0][1]
def warnings = lines.findAll { it.startsWith('[WARNING] campaign 7: at its pace the campaign ends about ') }
assert warnings.size() == 1 : "one warning of the missed deadline, not ${warnings.size()}"
assert warnings[0].contains(", after the gate gives up at ${givesUp} UTC (timeout 12s): raise timeout (-Dosvi.timeout),") : warnings[0]
assert lines.contains('[ERROR] OSVI gate: TIMEOUT campaign 7: did not complete within 12s') : 'TIMEOUT line missing'
assert log.contains('BUILD FAILURE')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/osvi/campaign-7.json'))
assert report.verdict == 'TIMEOUT'
assert report.settings.timeout == '12s'
assert report.wait.warnings.size() == 1 && report.wait.warnings[0].startsWith('at its pace the campaign ends about ')
// the last snapshot is at most a few seconds old at the deadline: the adaptive pause after the third poll was about
// 48 s, so without the final poll the last snapshot would be the one at about 4 s, 8 s before the deadline
def last = report.timeline[-1].elapsedSeconds as double
assert last >= 12 - 6 && last < 12 : "last snapshot at ${last} s, not in the last few seconds before the 12-s deadline"
assert report.timeline[-1].callsTotal == report.snapshot.calls.total
assert report.snapshot.calls.total >= 60 : "the last snapshot must count the calls made by then, not ${report.snapshot.calls.total}"
