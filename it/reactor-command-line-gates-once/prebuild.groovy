ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'complete.json'), 'itTokenReactor01')
true
