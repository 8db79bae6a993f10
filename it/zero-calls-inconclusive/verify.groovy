def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.contains('campaign 7: queues 1/1 completed, 0 calls (picked 0, not_picked 0, failed 0)') : 'completed progress line missing'
assert log =~ /(?m)^\[INFO\]   failed\s+0\s+n\/a$/ : 'status row with n/a ratio missing'
assert !(log =~ /(?m)\s(PASS|FAIL)$/) : 'no rule may be judged on 0 calls'
assert lines.contains('[ERROR] OSVI gate: INCONCLUSIVE campaign 7: 0 calls, fewer than minCalls=1') : 'summary line missing'
assert log.contains('on project standalone-pom: Campaign 7 is too small to judge:') : 'failure message missing'
assert log.count('0 calls, fewer than minCalls=1') == 1 : 'the summary is said once, in the verdict line'
assert lines.contains('[ERROR]   - Only 0 calls were made, fewer than minCalls (1): too few to judge, so this is never a pass.') : 'detail missing'
assert log.contains('BUILD FAILURE')
