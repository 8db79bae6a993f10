ai.osvi.it.ItSimulator.start(basedir, context, 'always-502.json', 'itTokenGiveUp502')
true
