def log = new File(basedir, 'build.log').text
assert log.contains('-Dosvi.apiToken is never read: the gate takes the API token only from the <password> of the'
        + ' settings.xml <server> named by serverId') : 'refusal missing'
assert log.contains('or from the environment variable OSVI_API_TOKEN') : 'the second way missing'
assert !log.contains('did you mean') : 'a token property is not a typo'
assert !log.contains('OSVI gate: PASS') : 'the gate must not run'
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, 'itTokenProp' + '00001')
assert log.contains('BUILD FAILURE')
