import 'reflect-metadata';
import { runService } from '@vl/service-kit';
import { VoterRollModule } from './app.module';
import { voterRoll } from './voter-roll.descriptor';

void runService(voterRoll, (config) => VoterRollModule.register(config));
