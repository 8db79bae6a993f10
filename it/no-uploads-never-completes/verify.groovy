def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// the first answer's time depends on the machine (three ITs share it): "elapsed 0s" or more
assert log =~ /campaign 7: queues 0\/0 completed, 0 calls \(picked 0, not_picked 0, failed 0\), elapsed \ds/ : 'progress line missing'
assert lines.contains('[WARNING] campaign 7: no calling queue to await yet (uploads seen: none). The campaign completes only once every upload has queues and all of them have completed.') : 'no-queue warning missing'
assert lines.contains('[ERROR] OSVI gate: TIMEOUT campaign 7: did not complete within 6s') : 'TIMEOUT summary line missing'
assert lines.contains('[ERROR]   - Last snapshot: queues 0/0 completed, 0 calls (picked 0, not_picked 0, failed 0).') : 'last snapshot missing'
assert log.contains('BUILD FAILURE')
