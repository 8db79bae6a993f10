def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('OSVI gate: ERROR campaign 7: the API token was rejected (HTTP 401)') : 'summary line missing'
assert log.contains('OSVI rejected the API token from environment variable OSVI_API_TOKEN (HTTP 401: Invalid API token)') : 'cause missing'
assert !log.contains('itWrongToken0401') : 'the token leaked into build.log'
assert simulator.requests().size() == 1 : "a 401 must stop at once, but ${simulator.requests().size()} requests were made"
assert log.contains('BUILD FAILURE')
