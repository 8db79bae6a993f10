def log = new File(basedir, 'build.log').text
assert log.readLines().contains('[INFO] Skipping the OSVI gate (skip / osvi.skip is true).') : 'skip message missing'
assert !log.contains('Awaiting OSVI campaign') : 'a skipped gate must not start'
assert !log.contains('[WARNING]') && !log.contains('[ERROR]') : 'a skipped gate has nothing to warn about'
assert log.contains('BUILD SUCCESS')
