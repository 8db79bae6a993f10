def port = context.get('port')
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def first = lines.find { it.startsWith('[WARNING] campaign 7: poll failed (1 in a row') }
assert first != null : 'first warning missing'
assert first.contains("could not connect to 127.0.0.1:${port} (") && first.contains('refused') : "the first warning must say the connection was refused: ${first}"
assert first.contains("nothing accepts connections there; check baseUrl (osvi.baseUrl) http://127.0.0.1:${port}/") : "the first warning must say to check baseUrl: ${first}"
assert lines.contains("[ERROR] OSVI gate: ERROR campaign 7: gave up after 2 consecutive failed polls (2 polls in 1s); no poll ever succeeded: check baseUrl http://127.0.0.1:${port}/".toString()) || log =~ /OSVI gate: ERROR campaign 7: gave up after 2 consecutive failed polls \(2 polls in \d+s\); no poll ever succeeded: check baseUrl http:\/\/127\.0\.0\.1:\d+\/\n/ : 'final line naming baseUrl missing'
assert log.contains("No poll ever succeeded: 2 requests to GET http://127.0.0.1:${port}/v1/campaigns/7/status in ") : 'what was tried missing'
assert log.contains(', directly, got no snapshot. That is more often the configuration than an outage: check baseUrl (osvi.baseUrl)') : 'the fix missing'
assert log.contains('BUILD FAILURE')
