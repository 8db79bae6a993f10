ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'quick-pass.json'), 'itTokenNoRule001')
true
