// Composition root: builds the core and hands it to the desktop adapters.
import { app } from 'electron';

void app.whenReady();
