def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log =~ /(?m)^\[INFO\]   failed\s+5%\s+<= 1%\s+FAIL$/ : 'FAIL row judged on the last snapshot missing'
assert lines.contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 40 calls (last snapshot, not completed)') : 'summary line missing'
assert lines.contains('[ERROR]   - The campaign did not complete within 6s; the rules were judged on the last snapshot (onTimeout=evaluate).') : 'the failure must say the campaign did not complete'
assert lines.contains('[ERROR]   - failed ratio is 5%, but the maximum is 1%') : 'breach message missing'
assert log.contains('BUILD FAILURE')
