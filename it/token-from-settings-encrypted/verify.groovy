def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def requests = simulator.requests()
assert requests : 'no request reached the simulator'
assert requests.every { it.authorized() } : "the decrypted settings.xml token must be sent, not the environment's: ${requests}"
assert lines.contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'summary line missing'
assert !log.contains('itTokenServer001') : 'the decrypted token leaked into build.log'
assert !log.contains('Tp10O9lEKowHcZ32zGTlz8ZTpoXPyKB9lBTjrP') : 'the encrypted token appeared in build.log'
assert !log.contains('itWrongEnvValue1') : 'the environment token leaked into build.log'
assert log.contains('BUILD SUCCESS')
