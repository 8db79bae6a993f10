def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.contains('[WARNING] Only 0 calls were made, fewer than minCalls (1): too few to judge, so this is never a pass.') : 'detail warning missing'
assert lines.contains('[WARNING] OSVI gate: INCONCLUSIVE campaign 7: 0 calls, fewer than minCalls=1') : 'summary must be a WARNING'
assert !log.contains('[ERROR]') : 'onInconclusive=warn must not log errors'
assert log.contains('BUILD SUCCESS')
