def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log =~ /(?m)^\[INFO\]   failed\s+30%\s+<= 5%\s+breached$/ : 'FAIL row of maxFailureRatio missing'
assert lines.contains('[WARNING] failed ratio is 30%, but the maximum is 5%') : 'breach warning missing'
assert lines.contains('[WARNING] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 100 calls') : 'summary must be a WARNING that still says FAIL'
assert !log.contains('[ERROR]') : 'a breach under failBuild=false must not log errors'
assert log.contains('BUILD SUCCESS')
