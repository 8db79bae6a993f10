def log = new File(basedir, 'build.log').text
assert !log.contains('names no parameter') : 'an unrelated property must not be taken for a typo'
assert log.contains('OSVI gate: PASS campaign 7') : 'the gate must run'
assert log.contains('BUILD SUCCESS')
