def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def requests = simulator.requests()
assert requests.size() >= 2 : "expected a few polls, got ${requests}"
requests.each { request ->
    assert request.method() == 'GET' : "unexpected method: ${request}"
    assert request.path() == '/v1/campaigns/7/status' : "unexpected path: ${request}"
    assert request.userAgent() == 'osvi-maven-plugin/1.0.0-SNAPSHOT' : "unexpected User-Agent: ${request}"
    assert request.accept() == 'application/json' : "unexpected Accept: ${request}"
    assert request.authorized() : "the environment token was not sent: ${request}"
}
assert log.contains('campaign 7: queues 2/2 completed, 100/100 calls, 100% (picked 70, not_picked 27, failed 3)') : 'final progress line missing'
assert lines.contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'summary line missing'
assert !log.contains('itTokenEnvVar001') : 'the token leaked into build.log'
assert log.contains('BUILD SUCCESS')
