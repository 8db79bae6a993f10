ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'quick-pass.json'), 'itTokenTypo00001')
true
