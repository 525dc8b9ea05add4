import 'reflect-metadata';
import { runService } from '@vl/service-kit';
import { IncentivesModule } from './app.module';
import { incentives } from './incentives.descriptor';

void runService(incentives, (config) => IncentivesModule.register(config));
