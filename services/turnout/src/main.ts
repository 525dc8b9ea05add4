import 'reflect-metadata';
import { runService } from '@vl/service-kit';
import { TurnoutModule } from './app.module';
import { turnout } from './turnout.descriptor';

void runService(turnout, (config) => TurnoutModule.register(config));
