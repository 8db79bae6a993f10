def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.contains('[ERROR] OSVI gate: ERROR campaign 999: the campaign was not found (HTTP 404)') : 'summary line missing'
assert lines.contains('[ERROR]   - campaign 999 not found on this account (HTTP 404: Campaign not found). Check campaignId and'
        + ' that the token from environment variable OSVI_API_TOKEN belongs to the account that owns the campaign.') : 'cause missing'
assert !log.contains('itToken404Camp01') : 'the token leaked into build.log'
def requests = simulator.requests()
assert requests.size() == 1 : "a 404 must stop at once, but ${requests.size()} requests were made"
assert requests[0].path() == '/v1/campaigns/999/status' && requests[0].authorized() : "unexpected request ${requests[0]}"
assert log.contains('BUILD FAILURE')
