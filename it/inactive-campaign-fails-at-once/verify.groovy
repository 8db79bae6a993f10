def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.contains('queues 1/3 completed, 40/200 calls, 20% (picked 30, not_picked 8, failed 2), campaign inactive') : 'progress line must say the campaign is inactive'
assert lines.contains('[ERROR] OSVI gate: ERROR campaign 7: the campaign is inactive with 2 of 3 queues incomplete') : 'summary line missing'
assert lines.contains('[ERROR]   - An inactive campaign does not complete on its own. Reactivate it, or set onInactive=wait'
        + ' (-Dosvi.onInactive=wait) to keep waiting until the timeout.') : 'onInactive=wait hint missing'
def campaign = log =~ /Campaign 7 "IT renewals \(goes inactive\)": 1\/3 queues completed, (\d+) polls, 0 errors, (\d+)s\b/
assert campaign : 'campaign line missing'
assert (campaign[0][1] as int) <= 5 && (campaign[0][2] as int) < 30 : "must fail at once, not wait for the 5m timeout: ${campaign[0][0]}"
assert log.contains('BUILD FAILURE')
