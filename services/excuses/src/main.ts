import 'reflect-metadata';
import { runService } from '@vl/service-kit';
import { ExcusesModule } from './app.module';
import { excuses } from './excuses.descriptor';

void runService(excuses, (config) => ExcusesModule.register(config));
