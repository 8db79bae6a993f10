def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OSVI gate: ERROR: invalid configuration (failBuild)') : 'error line missing'
assert log.contains("on project standalone-pom: Invalid failBuild (osvi.failBuild) 'yes': not a boolean, and Maven would"
        + ' read it as false without a word. Accepted: true or false.') : 'message naming the parameter and the value missing'
assert simulator.requests().isEmpty() : "no request may be sent, but got ${simulator.requests()}"
assert !log.contains('Awaiting OSVI campaign') : 'the gate must not start'
assert !(log =~ /(?m)^(\tat |    at )/) : 'a stack trace was printed'
assert !log.contains('BUILD SUCCESS') && log.contains('BUILD FAILURE')
