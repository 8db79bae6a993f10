def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.contains('[WARNING] campaign 7: poll failed (1 in a row, the wait ends at 10): HTTP 503 Service Unavailable; next poll in 1s') : '503 warning missing'
assert lines.any { it.startsWith('[WARNING] campaign 7: poll failed (2 in a row, the wait ends at 10): HTTP 500 Internal Server Error: Internal server error; next poll in ') } : '500 warning missing'
def campaign = (log =~ /Campaign 7 "IT renewals \(errors then complete\)": 2\/2 queues completed, (\d+) polls, (\d+) errors, \d+s/)
assert campaign.find() : 'campaign line missing'
assert campaign.group(1).toInteger() == campaign.group(2).toInteger() + 1 : 'every poll but the last failed'
assert lines.contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'summary line missing'
assert !log.contains('<html>') && !log.contains('<h1>') : 'the HTML error page was dumped into the log'
assert simulator.requests().size() >= 3 : "expected at least 3 requests, got ${simulator.requests().size()}"
assert log.contains('BUILD SUCCESS')
