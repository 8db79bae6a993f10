ai.osvi.it.ItSimulator.start(basedir, context, 'forged-name.json', 'itTokenForge0001')
true
