import 'reflect-metadata';
import { runService } from '@vl/service-kit';
import { SanctionsModule } from './app.module';
import { sanctions } from './sanctions.descriptor';

void runService(sanctions, (config) => SanctionsModule.register(config));
