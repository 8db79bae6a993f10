def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log =~ /Campaign 7 "IT renewals \(stalls\)": 1\/3 queues completed, \d+ polls, 0 errors, [3-5]s/ : 'campaign line missing'
assert log =~ /(?m)^\[INFO\]   failed\s+5%\s+<= 10%\s+PASS$/ : 'PASS row judged on the last snapshot missing'
assert lines.contains('[WARNING] The campaign did not complete within 3s; the rules were judged on the last snapshot (onTimeout=evaluate).') : 'warning that the campaign did not complete missing'
assert lines.contains('[WARNING] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 40 calls (last snapshot, not completed)') : 'summary must be a WARNING naming the last snapshot'
assert log.contains('BUILD SUCCESS')
