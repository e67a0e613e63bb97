{{/*
The collector config: alternateConfig when set, else `config` (which Helm has already deep-merged
over the chart's default), rendered as a template like upstream's.
*/}}
{{- define "otelring.config" -}}
{{- $config := .Values.config }}
{{- if .Values.alternateConfig }}
{{- $config = .Values.alternateConfig }}
{{- end }}
{{- tpl (toYaml $config) . }}
{{- end }}

{{/*
Refuses what this chart cannot do, with a message that says what to do instead. Included by every
workload template, so `helm template` and `helm install` stop before anything is applied.
*/}}
{{- define "otelring.validate" -}}
{{- if not (has .Values.mode (list "deployment" "daemonset" "statefulset")) }}
{{- fail "[ERROR] 'mode' must be set to deployment, daemonset or statefulset." }}
{{- end }}
{{- if not .Values.image.repository }}
{{- fail "[ERROR] 'image.repository' must be set to your otelring image (built from the repository's Dockerfile)." }}
{{- end }}
{{- range $preset, $settings := .Values.presets }}
{{- if and (kindIs "map" $settings) $settings.enabled }}
{{- fail (printf "[ERROR] presets.%s is not supported by otelring: the receivers and processors it adds (filelog, hostmetrics, k8sattributes, kubeletstats, k8sobjects, k8s_cluster) are not in otelring. Disable it and configure what otelring has in `config`." $preset) }}
{{- end }}
{{- end }}
{{- range $signal, $settings := .Values.internalTelemetryViaOTLP }}
{{- if and (kindIs "map" $settings) $settings.enabled }}
{{- fail (printf "[ERROR] internalTelemetryViaOTLP.%s is not supported by otelring: it serves its own metrics in Prometheus format on port 8888 (service.telemetry.metrics)." $signal) }}
{{- end }}
{{- end }}
{{- range $key := list "ingress" "podMonitor" "serviceMonitor" "prometheusRule" "networkPolicy" }}
{{- if (get $.Values $key).enabled }}
{{- fail (printf "[ERROR] %s.enabled is not supported by otelring's chart yet; create that object yourself, or with extraManifests." $key) }}
{{- end }}
{{- end }}
{{- if .Values.clusterRole.create }}
{{- fail "[ERROR] clusterRole.create is not supported by otelring's chart: no otelring component reads the Kubernetes API. Create the role yourself, or with extraManifests." }}
{{- end }}
{{- if and .Values.configMap.create .Values.configMap.existingName }}
{{- fail "[ERROR] configMap.existingName cannot be set when configMap.create is true." }}
{{- end }}
{{- if and .Values.configMap.create (not .Values.alternateConfig) }}
{{- $extensions := (.Values.config.service).extensions | default list }}
{{- if not (has "health_check" $extensions) }}
{{- fail "[ERROR] config.service.extensions must include health_check: the liveness and readiness probes use it." }}
{{- end }}
{{- end }}
{{- if and (eq .Values.dnsPolicy "None") (not .Values.dnsConfig) }}
{{- fail "[ERROR] dnsConfig must be set when dnsPolicy is None." }}
{{- end }}
{{- end }}

{{/* The ports of the Service. */}}
{{- define "otelring.servicePorts" -}}
{{- range $name, $port := .Values.ports }}
{{- if $port.enabled }}
- name: {{ $name }}
  port: {{ $port.servicePort }}
  targetPort: {{ $port.containerPort }}
  protocol: {{ $port.protocol }}
  {{- with $port.appProtocol }}
  appProtocol: {{ . }}
  {{- end }}
  {{- with $port.nodePort }}
  nodePort: {{ . }}
  {{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* The ports of the container; host ports only for the daemonset agent, as upstream. */}}
{{- define "otelring.podPorts" -}}
{{- range $name, $port := .Values.ports }}
{{- if $port.enabled }}
- name: {{ $name }}
  containerPort: {{ $port.containerPort }}
  protocol: {{ $port.protocol }}
  {{- if and (eq $.Values.mode "daemonset") $port.hostPort }}
  hostPort: {{ $port.hostPort }}
  {{- end }}
{{- end }}
{{- end }}
{{- end }}
