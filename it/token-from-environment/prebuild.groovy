ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itTokenEnvVar001')
true
