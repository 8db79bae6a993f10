def log = new File(basedir, 'build.log').text
assert log.readLines().contains('[INFO] Skipping the OSVI gate (skip / osvi.skip is true).') : 'skip message missing'
assert !log.contains('Awaiting OSVI campaign') : 'a skipped gate must not start'
// Maven 4's resolver fetches every repository's /.meta/prefixes.txt and warns when one cannot be reached (a network
// matter, e.g. snapshot repositories declared in the POMs of the plugin's dependencies); those are not the gate's.
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') && !(it =~ /^\[WARNING\] Could not transfer metadata \/\.meta\/prefixes\.txt /) }
assert !warnings && !log.contains('[ERROR]') : "a skipped gate has nothing to warn about: ${warnings}"
assert log.contains('BUILD SUCCESS')
