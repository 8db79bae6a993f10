def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('on project standalone-pom: No OSVI API token found. Either add a <server> with <id>osvi</id> and the'
        + ' token as its <password> to settings.xml (encrypt it with mvn --encrypt-password; serverId / -Dosvi.serverId'
        + ' chooses the id), or set the environment variable OSVI_API_TOKEN.') : 'message naming both token sources missing'
assert simulator.requests().isEmpty() : "no request may be sent without a token, but got ${simulator.requests()}"
assert !log.contains('Awaiting OSVI campaign') : 'the gate must not start without a token'
assert !(log =~ /(?m)^(\tat |    at )/) : 'a stack trace was printed'
assert log.contains('BUILD FAILURE')
