import 'reflect-metadata';
import { runService } from '@vl/service-kit';
import { LotteryModule } from './app.module';
import { lottery } from './lottery.descriptor';

void runService(lottery, (config) => LotteryModule.register(config));
