def simulator = ai.osvi.it.ItSimulator.stop(context)
def proxy = context.proxy
proxy.close()
def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] Using the proxy http://127.0.0.1:${proxy.port()} (settings.xml proxy 'corp'), not for *.internal.example") : 'proxy line missing'
assert log.contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 200 calls') : 'summary line missing'
def forwarded = proxy.seen().findAll { it.authorized() && it.target().endsWith('/v1/campaigns/7/status') }
assert simulator.requests().size() > 0
assert forwarded.size() == simulator.requests().size() : "every request must pass the proxy with its credentials: proxy saw ${proxy.seen()}, the API ${simulator.requests().size()}"
assert simulator.requests().every { it.authorized() }
assert !log.contains('itProxyPassword') : 'the proxy password leaked into build.log'
assert log.contains('BUILD SUCCESS')
