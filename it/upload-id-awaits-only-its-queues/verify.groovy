def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.contains('Awaiting OSVI campaign 7 (upload 19) at http://127.0.0.1:') : 'start line must name the upload'
def progress = lines.findAll { it.startsWith('[INFO] campaign 7: queues ') }
assert progress : 'no progress line'
assert progress.every { it =~ /queues \d\/2 completed/ } : "progress must count only upload 19's 2 queues: ${progress}"
assert progress.last().startsWith('[INFO] campaign 7: queues 2/2 completed, 100/130 calls, 76% (picked 80, not_picked 18, failed 2)') : 'final progress line missing'
assert log.contains('Campaign 7 "IT renewals (two uploads)": 2/2 queues completed') : 'campaign line missing'
assert log =~ /(?m)^\[INFO\]   failed\s+2%\s+<= 5%\s+held$/ : 'PASS row missing'
assert lines.contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'summary line missing'
// Maven 4's resolver fetches every repository's /.meta/prefixes.txt and warns when one cannot be reached (a network
// matter, e.g. snapshot repositories declared in the POMs of the plugin's dependencies); those are not the gate's.
def warnings = lines.findAll { it.startsWith('[WARNING]') && !(it =~ /^\[WARNING\] Could not transfer metadata \/\.meta\/prefixes\.txt /) }
// with rules, uploadId draws its one warning: the rules judge the whole campaign's counts (the uploadId parameter's documentation)
assert warnings == ['[WARNING] uploadId only chooses which queues to await: the API gives call counts for the whole'
        + ' campaign, so the rules judge every call of the campaign, earlier uploads included.'] : "unexpected warnings: ${warnings}"
assert log.contains('BUILD SUCCESS')
